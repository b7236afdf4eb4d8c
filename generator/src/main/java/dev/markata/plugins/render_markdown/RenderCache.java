package dev.markata.plugins.render_markdown;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Rendered HTML by content hash, one file per entry under
 * {@code .markata.cache/render_markdown/<2 hex>/<hash>.html}: checking it costs one file read,
 * and concurrent tasks never write the same file twice (same hash, same content).
 */
final class RenderCache {

    private final Path folder;
    private final java.util.Set<Path> createdFolders = java.util.concurrent.ConcurrentHashMap.newKeySet();

    RenderCache(Path folder) {
        this.folder = folder;
    }

    Optional<String> get(String key) throws IOException {
        try {
            return Optional.of(Files.readString(file(key), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    void put(String key, String html) throws IOException {
        Path target = file(key);
        // Once per folder and build: createDirectories on a folder that exists throws and catches
        // internally, a third of what a cold build spent writing this cache.
        if (createdFolders.add(target.getParent())) {
            Files.createDirectories(target.getParent());
        }
        Path temporary = Files.createTempFile(target.getParent(), "." + key.substring(0, 8), ".tmp");
        try {
            Files.writeString(temporary, html, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private Path file(String key) {
        return folder.resolve(key.substring(0, 2)).resolve(key + ".html");
    }
}
