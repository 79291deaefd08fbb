package org.polygrok.api.backend;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Defaults for environment variables that an engine's native libraries read once, when they load or
 * first run: set in this process (with libc's {@code setenv}) only where the user has not set them,
 * so an explicit setting always wins. Call before the engine loads. Needs JNA on the class path
 * (DJL and ND4J bring it); without it, or without a libc, nothing is set and a debug line says why.
 */
public final class NativeEnvironment {
    private static final Logger LOG = Logger.getLogger(NativeEnvironment.class.getName());

    /** libc's environment functions. */
    public interface LibC extends Library {
        /** POSIX {@code setenv}. */
        int setenv(String name, String value, int overwrite);

        /** POSIX {@code getenv}. */
        String getenv(String name);
    }

    /** This process's libc, loaded on first use. */
    static final LibC LIBC = loadLibC();

    private NativeEnvironment() {
    }

    private static LibC loadLibC() {
        try {
            return Native.load("c", LibC.class);
        } catch (Throwable e) { // no JNA or no libc: the engine still loads with its own defaults
            LOG.log(Level.FINE, "no libc through JNA: environment defaults for the engines are not set ({0})", e);
            return null;
        }
    }

    /**
     * Sets {@code name} to {@code value} in this process unless it is set already.
     *
     * @return the variable's value afterwards (the user's where they set it), or null when it could not be set
     */
    public static String setDefault(String name, String value) {
        if (LIBC == null) {
            return null;
        }
        String current = LIBC.getenv(name);
        if (current != null) {
            return current;
        }
        LIBC.setenv(name, value, 0);
        return LIBC.getenv(name);
    }
}
