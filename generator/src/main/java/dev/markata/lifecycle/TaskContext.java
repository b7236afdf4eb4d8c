package dev.markata.lifecycle;

import java.util.Objects;

/**
 * What a unit of per-document work belongs to.
 *
 * @param stage    the stage running
 * @param pluginId the plugin whose hook submitted the work
 * @param document the document's source path relative to the site ("posts/a.md"), or another
 *                 name of the item worked on
 */
public record TaskContext(Stage stage, String pluginId, String document) {

    public TaskContext {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(document, "document");
    }
}
