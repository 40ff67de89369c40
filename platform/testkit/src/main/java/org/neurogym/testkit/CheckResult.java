package org.neurogym.testkit;

/** The outcome of one contract check on one task. */
public record CheckResult(String task, String check, Status status, String detail) {
    public enum Status { PASS, FAIL, SKIP }

    public boolean failed() {
        return status == Status.FAIL;
    }
}
