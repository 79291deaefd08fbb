package org.polygrok.experiments;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** polygrok's own version, from the build. */
public final class PolygrokVersion {
    private static final String VERSION = load();

    private PolygrokVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = PolygrokVersion.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version");
            return v == null || v.startsWith("$") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
