package org.polygrok.api;

/**
 * A {@link java.util.ServiceLoader} entry for one engine. Cheap to construct; the engine itself is
 * created only by {@link #create}. Nothing here may throw except {@link #create}.
 */
public interface BackendProvider {

    /** Short name: {@code djl}, {@code tf}, {@code nd4j}. */
    String name();

    /** Higher is preferred when the user names no backend. */
    int rank();

    /** Engine and version, known without loading natives. */
    String engineDescription();

    /** Whether the engine can load on this machine; never throws. */
    boolean isAvailable();

    /** Why not, when {@link #isAvailable()} is false; otherwise empty. */
    String unavailableReason();

    /** Where the native libraries come from (a jar or a directory), for {@code polygrok backends}. */
    String nativeLocation();

    Backend create(BackendOptions options);
}
