/**
 * Sweeps as data (docs/SPECS.md): {@code SweepSpec}, the YAML/JSON file {@code polygrok sweep SPEC} runs and
 * the form of the study's seven experiments (resources {@code NAME.yaml} here); {@code SpecReader} parses and
 * checks one before anything is planned; {@code SpecGrid} expands its grid. Imports study (settings, plans)
 * and the api's backend names; the sweep packages take the specs through {@code study.Experiment}.
 */
package org.polygrok.experiments.spec;
