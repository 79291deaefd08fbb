/**
 * The JSON configuration and atomic whole-file writes of every experiments file.
 *
 * <p>May import: nothing of polygrok.
 */
package org.polygrok.experiments.io;
