/**
 * The modular-arithmetic dataset of PROTOCOL §2: equations, vocabulary, the train/validation split and
 * batches as host arrays.
 *
 * <p>May import: {@code org.polygrok.api} (host arrays). Nothing else of polygrok.
 */
package org.polygrok.experiments.data;
