/**
 * What every engine's backend does the same way, written once: the training-session skeleton
 * ({@link org.polygrok.api.backend.BaseTrainSession}: validation, open/closed state, step count,
 * optimizer-slot order, output keys), the host-side flat parameter layout
 * ({@link org.polygrok.api.backend.FlatLayout}), the registry of a backend's open sessions and
 * JavaCPP's platform name. An engine module subclasses and calls these; its own classes hold only
 * what talks to its engine (upload, step, evaluate, download).
 *
 * <p>May import {@code org.polygrok.api} and its {@code model}, {@code nn} and {@code train}
 * packages; never an engine.
 */
package org.polygrok.api.backend;
