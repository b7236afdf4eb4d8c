package dev.markata.plugins.service_worker;

import dev.markata.content.SitePaths;
import dev.markata.plugin.BuildContext;
import dev.markata.plugins.load.SourceStamp;
import dev.markata.plugins.post_template.Hashing;
import dev.markata.plugins.skip.KeyFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The digest of the assets' contents, for the service worker's version. Each file's digest is
 * kept in {@code .markata.cache/service_worker_assets.tsv} under its {@link SourceStamp} (size, times,
 * inode), so a warm build reads no asset whose stamp is unchanged, while a copy of the site (a
 * checkout, a tar that keeps whole seconds of the times) has the same version as the original:
 * names, sizes and modification times alone gave every copy a version of its own.
 */
final class AssetDigests {

    static final String FILE = "service_worker_assets.tsv";

    private AssetDigests() {
    }

    /** One digest over every asset's name and content, in the files' order. */
    static String of(BuildContext context, Path assets, List<Path> files) throws Exception {
        Path cache = context.cacheDir().resolve(FILE);
        Map<String, String> previous = KeyFile.read(cache, context.reporter());
        List<String> stored = context.map(files, file -> SitePaths.slashed(assets.relativize(file)),
                file -> SourceStamp.storedDigest(file, previous.get(SitePaths.slashed(assets.relativize(file)))));
        Map<String, String> keys = new HashMap<>();
        Hashing all = new Hashing();
        for (int i = 0; i < files.size(); i++) {
            String name = SitePaths.slashed(assets.relativize(files.get(i)));
            keys.put(name, stored.get(i));
            all.add(name).add(SourceStamp.contentDigest(stored.get(i)));
        }
        context.writeCache(cache, () -> KeyFile.write(cache, keys, previous));
        return all.hex();
    }
}
