/**
 * Child JVMs: the command line (with the collector and heap of a one-trial process) and engine environment
 * of a Java process like this one ({@code JavaCommand}),
 * running a child to its end ({@code ChildProcesses}), and the one event protocol children speak on standard
 * output ({@code ChildEvents}, used by the sweep's trial processes and by the benchmark processes).
 *
 * <p>May import: {@code org.polygrok.plotting.results} (JSON). Nothing about trials, sweeps or benchmarks.
 */
package org.polygrok.experiments.process;
