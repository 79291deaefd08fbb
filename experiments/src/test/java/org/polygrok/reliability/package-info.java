/**
 * The fault matrix of docs/RELIABILITY.md: sweeps killed at seeded random moments and resumed, a results
 * folder on a filesystem that fills up, corrupt and truncated results files read by every command, two sweeps
 * started on one folder, and repeated trials compared bit for bit. Every test drives the real command line
 * (in this JVM or in child JVMs) on a real engine.
 */
package org.polygrok.reliability;
