package org.attentionexplorer.train;

/** Receives a run's events, on the training thread: keep it quick (a UI hands them on to its own thread). */
@FunctionalInterface
public interface TrainingListener {
    void onEvent(TrainingEvent event);
}
