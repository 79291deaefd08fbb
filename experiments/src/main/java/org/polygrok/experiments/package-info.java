/**
 * The experiments module: the study of PROTOCOL.md run on any backend. Subpackages, lowest first:
 * {@code data} (dataset, tokens), {@code metrics}, {@code progress} (what running trials
 * and sweeps report, shown as bars or log lines), {@code train} (one trial), {@code study} (the eight
 * experiments and their plans), {@code sweep.*} (many trials as a resumable sweep), {@code process} (child
 * JVMs), {@code stats} (backends and seeds compared), {@code bench}, {@code crosscheck}. This package holds only
 * the version of the build.
 *
 * <p>May import: {@code org.polygrok.api}.
 */
package org.polygrok.experiments;
