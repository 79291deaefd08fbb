package org.polygrok.experiments.sweep.run;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

/** The sweep's wiring: trials run in separate processes. */
public final class SweepModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(TrialExecutor.class).to(ProcessTrialExecutor.class);
        bind(ProcessTrialExecutor.class).in(Scopes.SINGLETON);
    }
}
