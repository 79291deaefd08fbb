package org.polygrok.cli;

import com.google.inject.AbstractModule;
import java.time.Clock;

/**
 * The application's wiring: the clock trials are timed with, and the services commands receive by
 * injection (backend selection, the trial runner). Models, backends and data are not wired here.
 */
final class PolygrokModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(BackendSelector.class).asEagerSingleton();
    }
}
