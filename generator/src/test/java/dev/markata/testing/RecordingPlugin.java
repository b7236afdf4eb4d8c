package dev.markata.testing;

import dev.markata.lifecycle.Priority;
import dev.markata.lifecycle.Stage;
import dev.markata.plugin.BuildContext;
import dev.markata.plugin.Hook;
import dev.markata.plugin.Plugin;
import dev.markata.plugin.PluginSetup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A plugin for tests: appends "stage:id" to a shared journal from each hook it is given, and
 * runs extra actions at setup.
 */
public final class RecordingPlugin implements Plugin {

    private final String id;
    private final Set<String> aliases;
    private final List<String> journal;
    private final Map<Stage, Priority> hooks;
    private final List<Consumer<PluginSetup>> setupActions = new ArrayList<>();
    private final List<StageAction> actions = new ArrayList<>();

    /** Something to do in a stage besides recording. */
    public interface StageAction {
        void run(Stage stage, BuildContext context) throws Exception;
    }

    public RecordingPlugin(String id, List<String> journal, Map<Stage, Priority> hooks) {
        this(id, Set.of(), journal, hooks);
    }

    public RecordingPlugin(String id, Set<String> aliases, List<String> journal, Map<Stage, Priority> hooks) {
        this.id = id;
        this.aliases = aliases;
        this.journal = journal;
        this.hooks = hooks;
    }

    public RecordingPlugin onSetup(Consumer<PluginSetup> action) {
        setupActions.add(action);
        return this;
    }

    public RecordingPlugin onStage(StageAction action) {
        actions.add(action);
        return this;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Set<String> aliases() {
        return aliases;
    }

    @Override
    public void register(PluginSetup setup) {
        setupActions.forEach(a -> a.accept(setup));
        hooks.forEach((stage, priority) -> setup.hook(stage, priority, hook(stage)));
    }

    private Hook hook(Stage stage) {
        return context -> {
            synchronized (journal) {
                journal.add(stage.id() + ":" + id);
            }
            for (StageAction action : actions) {
                action.run(stage, context);
            }
        };
    }
}
