package dev.markata.plugins.post_template;

import com.hubspot.jinjava.objects.serialization.PyishSerializable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A path as templates see one of markata's {@code pathlib.Path} settings ({@code config.icon}):
 * printed as Python prints it (the parts joined by {@code /}, without {@code .} parts, doubled
 * or trailing slashes), with {@code name}, {@code stem}, {@code suffix}, {@code parent} and
 * {@code parts} as {@code PurePosixPath} has them.
 */
public final class PythonPath implements PyishSerializable {

    private final List<String> parts;
    private final boolean absolute;

    private PythonPath(List<String> parts, boolean absolute) {
        this.parts = List.copyOf(parts);
        this.absolute = absolute;
    }

    /** The path {@code text} names, as {@code pathlib.PurePosixPath(text)} reads it. */
    public static PythonPath of(String text) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return new PythonPath(parts, text.startsWith("/"));
    }

    public String getName() {
        return parts.isEmpty() ? "" : parts.get(parts.size() - 1);
    }

    public String getSuffix() {
        String name = getName();
        int dot = name.lastIndexOf('.');
        return dot > 0 && dot < name.length() - 1 ? name.substring(dot) : "";
    }

    public String getStem() {
        String name = getName();
        return name.substring(0, name.length() - getSuffix().length());
    }

    public PythonPath getParent() {
        return parts.isEmpty() ? this : new PythonPath(parts.subList(0, parts.size() - 1), absolute);
    }

    public List<String> getParts() {
        List<String> all = new ArrayList<>();
        if (absolute) {
            all.add("/");
        }
        all.addAll(parts);
        return all;
    }

    @Override
    public String toString() {
        String joined = String.join("/", parts);
        return absolute ? "/" + joined : joined.isEmpty() ? "." : joined;
    }

    @Override
    public <T extends Appendable & CharSequence> T appendPyishString(T appendable) throws IOException {
        appendable.append(toString());
        return appendable;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PythonPath path && path.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
