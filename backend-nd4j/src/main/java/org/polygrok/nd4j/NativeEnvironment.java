package org.polygrok.nd4j;

import static org.polygrok.api.backend.NativeEnvironment.setDefault;

/** Defaults for environment variables that ND4J's native libraries read once, when they load. */
final class NativeEnvironment {
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
}
