package org.neurogym.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTempDirTest {
    @TempDir Path tmp;

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
        return p.pid();
    }

    @Test
    void aDirectoryCarriesThePidAndIsDeletedWithItsContents() throws Exception {
        Path dir = ProcessTempDir.create(tmp, "neurogym-staging-");
        assertEquals(ProcessHandle.current().pid(), ProcessTempDir.ownerPid(dir.getFileName().toString(), "neurogym-staging-"));
        Files.writeString(dir.resolve("a.jar"), "x");
        ProcessTempDir.delete(dir);
        assertFalse(Files.exists(dir));
    }

    @Test
    void creatingOneRemovesThoseOfDeadProcessesOnly() throws Exception {
        Path dead = Files.createDirectory(tmp.resolve("neurogym-felix-" + deadPid() + "-123"));
        Files.writeString(dead.resolve("bundle.jar"), "x");
        Path alive = Files.createDirectory(tmp.resolve("neurogym-felix-" + ProcessHandle.current().pid() + "-456"));
        Path legacy = Files.createDirectory(tmp.resolve("neurogym-felix-789abc"));
        Path other = Files.createDirectory(tmp.resolve("neurogym-staging-" + deadPid() + "-1"));
        Path made = ProcessTempDir.create(tmp, "neurogym-felix-");
        assertFalse(Files.exists(dead), "a dead process's directory is removed");
        assertTrue(Files.exists(alive), "a running process's directory stays");
        assertTrue(Files.exists(legacy), "a name without a pid is not ours to judge");
        assertTrue(Files.exists(other), "only the prefix asked for");
        assertTrue(Files.isDirectory(made));
    }

    @Test
    void ownerPidReadsOnlyTheExpectedForm() {
        assertEquals(42, ProcessTempDir.ownerPid("neurogym-staging-42-99", "neurogym-staging-"));
        assertEquals(-1, ProcessTempDir.ownerPid("neurogym-staging-abc", "neurogym-staging-"));
        assertEquals(-1, ProcessTempDir.ownerPid("neurogym-staging--1", "neurogym-staging-"));
        assertEquals(-1, ProcessTempDir.ownerPid("other-42-1", "neurogym-staging-"));
    }
}
