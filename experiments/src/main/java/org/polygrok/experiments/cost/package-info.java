/**
 * What a study costs before it runs: a short measured probe of every distinct trial shape (a few
 * steps and one evaluation on this machine and backend) turned into the expected wall time of each
 * experiment and of the whole plan ({@code polygrok run … --dry-run}).
 */
package org.polygrok.experiments.cost;
