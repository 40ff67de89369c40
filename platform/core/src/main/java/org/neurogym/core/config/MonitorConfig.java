package org.neurogym.core.config;

/**
 * The {@code [monitor]} section: how the Monitor wrapper records behaviour. Every {@code interval}
 * trials or steps ({@code trigger}) it saves the data (and with {@code plot.create} a figure).
 */
public record MonitorConfig(String name, String trigger, long interval, boolean verbose, Plot plot) {
    public static final MonitorConfig DEFAULTS = new MonitorConfig("", "trial", 1000, true, Plot.DEFAULTS);

    /** {@code [monitor.plot]}: a figure of the last {@code step} steps at each save; {@code title} empty means the env's name. */
    public record Plot(boolean create, long step, String title, String ext) {
        public static final Plot DEFAULTS = new Plot(true, 10, "", "png");
    }
}
