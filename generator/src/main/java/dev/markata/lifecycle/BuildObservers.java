package dev.markata.lifecycle;

import java.util.List;

/** Several observers seen as one, called in registration order. */
public final class BuildObservers implements BuildObserver {

    private final List<BuildObserver> observers;

    public BuildObservers(List<BuildObserver> observers) {
        this.observers = List.copyOf(observers);
    }

    @Override
    public void stageStarted(Stage stage) {
        for (BuildObserver o : observers) {
            o.stageStarted(stage);
        }
    }

    @Override
    public void stageFinished(Stage stage, long elapsedNanos, boolean failed) {
        for (BuildObserver o : observers) {
            o.stageFinished(stage, elapsedNanos, failed);
        }
    }

    @Override
    public void hookStarted(Stage stage, String pluginId) {
        for (BuildObserver o : observers) {
            o.hookStarted(stage, pluginId);
        }
    }

    @Override
    public void hookFinished(Stage stage, String pluginId, long elapsedNanos, boolean failed) {
        for (BuildObserver o : observers) {
            o.hookFinished(stage, pluginId, elapsedNanos, failed);
        }
    }

    @Override
    public void tasksSubmitted(TaskContext batch, int count) {
        for (BuildObserver o : observers) {
            o.tasksSubmitted(batch, count);
        }
    }

    @Override
    public void batchWaitStarted(TaskContext batch) {
        for (BuildObserver o : observers) {
            o.batchWaitStarted(batch);
        }
    }

    @Override
    public void batchWaitFinished(TaskContext batch) {
        for (BuildObserver o : observers) {
            o.batchWaitFinished(batch);
        }
    }

    @Override
    public void taskStarted(TaskContext task) {
        for (BuildObserver o : observers) {
            o.taskStarted(task);
        }
    }

    @Override
    public void taskFinished(TaskContext task, long elapsedNanos, boolean failed) {
        for (BuildObserver o : observers) {
            o.taskFinished(task, elapsedNanos, failed);
        }
    }

    @Override
    public void buildFailed(BuildFailure failure) {
        for (BuildObserver o : observers) {
            o.buildFailed(failure);
        }
    }
}
