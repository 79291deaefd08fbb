package org.polygrok.nd4j;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Defaults for environment variables that ND4J's native libraries read once, when they load:
 * set in this process (with libc's setenv) only where the user has not set them.
 */
final class NativeEnvironment {
    private static final Logger LOG = LoggerFactory.getLogger(NativeEnvironment.class);

    /** libc's environment functions. */
    public interface LibC extends Library {
        int setenv(String name, String value, int overwrite);

        String getenv(String name);
    }

    private NativeEnvironment() {
    }

    /**
     * OpenBLAS threads spin (calling sched_yield) for ~2^28 cycles after each GEMM; next to
     * libnd4j's own threads on few cores that doubles a step's CPU time, mostly in the kernel. With
     * a timeout of 2^4 cycles they sleep at once. OpenMP threads must not spin either.
     */
    static void applyDefaults() {
        setDefault("OPENBLAS_THREAD_TIMEOUT", "4");
        setDefault("OMP_WAIT_POLICY", "PASSIVE");
    }

    private static void setDefault(String name, String value) {
        try {
            LibC libc = Native.load("c", LibC.class);
            if (libc.getenv(name) == null) {
                libc.setenv(name, value, 0);
            }
        } catch (Throwable e) { // no JNA or no libc: the engine still works, only slower on busy cores
            LOG.debug("could not set {} for ND4J's natives: {}", name, e.toString());
        }
    }
}
