/**
 * Plain-Java references of the conformance kit, in double precision and independent of any engine:
 * {@link org.polygrok.api.tck.reference.ReferenceOps} (every op of {@link org.polygrok.api.Ops},
 * eager; also runs the LSTM and the GPT), {@link org.polygrok.api.tck.reference.FiniteDifferences},
 * {@link org.polygrok.api.tck.reference.ReferenceLoss}, {@link org.polygrok.api.tck.reference.ReferenceOptimizer}
 * and {@link org.polygrok.api.tck.reference.ReferenceTrainer} (loss, clipping and optimizers
 * written apart from the api's own), and {@link org.polygrok.api.tck.reference.ReferenceBackend},
 * a test backend on these references that lets the kit run without an engine.
 */
package org.polygrok.api.tck.reference;
