/**
 * The conformance kit (TCK): abstract JUnit 5 contracts every backend module runs by extending
 * each with one method that names its {@link org.polygrok.api.BackendProvider}
 * ({@link org.polygrok.api.tck.BackendContract}):
 * <ul>
 *   <li>{@link org.polygrok.api.tck.OpValuesContract}: every op's values, shapes and dtypes;</li>
 *   <li>{@link org.polygrok.api.tck.OpGradientsContract}: every differentiable op's gradient by the
 *       engine's autodiff against finite differences in double precision;</li>
 *   <li>{@link org.polygrok.api.tck.OptimizerContract}: 20 training steps of a tiny model per
 *       optimizer and clipping setting against an independent plain-Java trainer;</li>
 *   <li>{@link org.polygrok.api.tck.TrainSessionContract}: step counts, evaluation, weights,
 *       checkpoint restore;</li>
 *   <li>{@link org.polygrok.api.tck.CapabilitiesContract}: each declared capability works, each
 *       undeclared one is refused.</li>
 * </ul>
 * Expected values come from {@link org.polygrok.api.tck.reference}, itself checked against
 * hand-computed numbers and PyTorch.
 */
package org.polygrok.api.tck;
