/**
 * The command line: one picocli command class per {@code polygrok} subcommand (run, sweep, resume, train, bench,
 * crosscheck, plot, report, dataset, backends), their shared option mixins, error handling, the Guice
 * wiring ({@link org.polygrok.cli.PolygrokModule}) and the main classes: {@code Polygrok}, and
 * {@code SparkSubmitMain} for {@code spark-submit}. Commands parse and check options, then call the
 * experiments packages; no experiment logic lives here.
 *
 * <p>May import: every {@code org.polygrok.experiments.*} package, {@code org.polygrok.plotting} (plot, report),
 * {@code org.polygrok.api}. Nothing imports it.
 */
package org.polygrok.cli;
