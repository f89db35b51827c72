package org.attentionexplorer.data;

import java.util.List;
import java.util.Locale;

/** The built-in synthetic tasks by name: copy, reverse, sort and induction. */
public final class SyntheticTasks {
    private static final List<SyntheticTask> DEFAULTS = List.of(
            new CopyTask(CopyTask.DEFAULT_LENGTH),
            new ReverseTask(ReverseTask.DEFAULT_LENGTH),
            new SortTask(SortTask.DEFAULT_LENGTH),
            new InductionTask(InductionTask.DEFAULT_LENGTH));

    private SyntheticTasks() {
    }

    /** Every task at its default length, in the order of {@link #names()}. */
    public static List<SyntheticTask> all() {
        return DEFAULTS;
    }

    public static List<String> names() {
        return DEFAULTS.stream().map(SyntheticTask::name).toList();
    }

    /**
     * The task of this name (case and surrounding spaces ignored) at its default length.
     *
     * @throws DataException listing the names when there is no such task
     */
    public static SyntheticTask byName(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (SyntheticTask task : DEFAULTS) {
            if (task.name().equals(wanted)) {
                return task;
            }
        }
        throw new DataException("there is no synthetic task named \"" + name + "\"; the tasks are "
                + String.join(", ", names()));
    }

    /** The task of this name for problems of {@code length} symbols. */
    public static SyntheticTask byName(String name, int length) {
        return byName(name).withLength(length);
    }
}
