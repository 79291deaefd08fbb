/**
 * Reading results folders (docs/RESULTS.md) into records: experiments, trials, metrics tables, summary rows and
 * attention maps.
 *
 * <p>May import: Jackson. Nothing else of polygrok.
 */
package org.polygrok.plotting.results;
