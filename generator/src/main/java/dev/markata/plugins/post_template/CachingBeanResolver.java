package dev.markata.plugins.post_template;

import com.hubspot.jinjava.el.TypeConvertingMapELResolver;
import com.hubspot.jinjava.el.ext.JinjavaBeanELResolver;
import com.hubspot.jinjava.el.ext.JinjavaListELResolver;
import com.hubspot.jinjava.objects.SafeString;
import com.hubspot.jinjava.objects.date.PyishDate;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import com.hubspot.jinjava.util.ForLoop;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jinjava.javax.el.ArrayELResolver;
import jinjava.javax.el.CompositeELResolver;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;
import jinjava.javax.el.PropertyNotFoundException;
import jinjava.javax.el.ResourceBundleELResolver;

/**
 * jinjava's bean resolver with its method look-up remembered. Every filter ({@code x|e}) is a
 * method call in jinjava's expression language, and jinjava 2.8 finds the method anew on each
 * call by scanning {@code getClass().getMethods()}: in a profile of a 1,000-post build that
 * look-up was most of the time spent evaluating template expressions. The look-up depends only
 * on the object's class, the method name and the arguments' classes, so its answer is kept per
 * such key for the life of the resolver (one per {@link Templates}, i.e. per build). Text also
 * has Python's str methods here.
 */
final class CachingBeanResolver extends JinjavaBeanELResolver {

    /** equals and hashCode by hand: a record's own are method handles, linked on first use and not inlined by C1. */
    private record Key(Class<?> type, String name, int count, List<Class<?>> argumentTypes) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && type == key.type && count == key.count && name.equals(key.name)
                    && argumentTypes.equals(key.argumentTypes);
        }

        @Override
        public int hashCode() {
            return ((31 * type.hashCode() + name.hashCode()) * 31 + count) * 31 + argumentTypes.hashCode();
        }
    }

    private final ConcurrentHashMap<Key, Optional<Method>> methods = new ConcurrentHashMap<>();

    /** A property name on a class of objects, by hand for the same reason as {@link Key}. */
    private record Property(Class<?> type, String name) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Property property && type == property.type && name.equals(property.name);
        }

        @Override
        public int hashCode() {
            return 31 * type.hashCode() + name.hashCode();
        }
    }

    /**
     * What the bean resolver threw for a property its class does not have, by class and name.
     * jinjava asks for a property of that name before every method call ({@code x|e} is
     * {@code e.filter(x)}: is {@code filter} a macro stored as a property?) and takes the
     * exception for "no": ~20 per page, each a property look-up and a new exception with its
     * stack. Whether a class has a property does not change, and jinjava uses neither the
     * exception's stack nor the instance, so the first one is thrown again.
     */
    private final ConcurrentHashMap<Property, RuntimeException> absent = new ConcurrentHashMap<>();

    private CachingBeanResolver() {
        super(true);
    }

    /**
     * The same resolver chain as jinjava's read-only default
     * ({@code JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY}), its bean resolver caching.
     */
    static ELResolver readOnlyChain() {
        CompositeELResolver chain = new CompositeELResolver();
        chain.add(new ArrayELResolver(true));
        chain.add(new JinjavaListELResolver(true));
        chain.add(new TypeConvertingMapELResolver(true));
        chain.add(new ResourceBundleELResolver());
        chain.add(new CachingBeanResolver());
        return chain;
    }

    /**
     * {@code text[0]}, {@code text[-1]}: a character of text, counted from the end when negative,
     * as in Python; jinjava gave nothing. Out of range is undefined (nothing), as in Jinja.
     * jinjava hands the index over as text ("0").
     */
    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base instanceof String text && property != null) {
            Long index = index(property);
            if (index != null) {
                context.setPropertyResolved(true);
                int length = text.codePointCount(0, text.length());
                long at = index < 0 ? index + length : index;
                if (at < 0 || at >= length) {
                    return null;
                }
                int start = text.offsetByCodePoints(0, (int) at);
                return text.substring(start, text.offsetByCodePoints(start, 1));
            }
        }
        if (base instanceof PyishDate date && property instanceof String name) {
            Object value = PythonDates.property(date, name);
            if (value != PythonStrings.NOT_HANDLED) {
                context.setPropertyResolved(true);
                return value;
            }
        }
        if (base == null || !(property instanceof String name)) {
            return super.getValue(context, base, property);
        }
        Property key = new Property(base.getClass(), name);
        RuntimeException none = absent.get(key);
        if (none != null) {
            throw none;
        }
        try {
            return super.getValue(context, base, property);
        } catch (PropertyNotFoundException e) {
            absent.putIfAbsent(key, e);
            throw e;
        }
    }

    private static Long index(Object property) {
        if (property instanceof Integer || property instanceof Long) {
            return ((Number) property).longValue();
        }
        if (property instanceof String name && !name.isEmpty() && name.length() < 19
                && (Character.isDigit(name.charAt(0)) || name.charAt(0) == '-' && name.length() > 1)
                && name.chars().skip(1).allMatch(Character::isDigit)) {
            return Long.parseLong(name);
        }
        return null;
    }

    /** Python's str methods on text first ({@link PythonStrings}), date methods on dates ({@link PythonDates}), then Java's. */
    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base instanceof ForLoop loop && "changed".equals(method)) {
            context.setPropertyResolved(true);
            return changed(loop, params == null ? List.of() : Arrays.asList(params));
        }
        if (base instanceof SafeString safe) { // escaped text (|e) has text's methods too
            base = safe.getValue();
        }
        if (base instanceof String text && method != null) {
            Object result = PythonStrings.call(text, method.toString(), params == null ? new Object[0] : params);
            if (result != PythonStrings.NOT_HANDLED) {
                context.setPropertyResolved(true);
                return result;
            }
        }
        if (base instanceof PyishDate date && method != null) {
            Object result = PythonDates.call(date, method.toString(), params == null ? new Object[0] : params);
            if (result != PythonStrings.NOT_HANDLED) {
                context.setPropertyResolved(true);
                return result;
            }
        }
        return super.invoke(context, base, method, paramTypes, params);
    }

    /** The last values each running loop's {@code loop.changed(...)} saw; a loop's entry goes with the loop. */
    private final Map<ForLoop, List<Object>> lastChanged = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Jinja's {@code loop.changed(*values)}: true on the first call and whenever the values differ
     * from the last call's, for headings like a year above its posts; jinjava's loop had no
     * {@code changed} and the template failed.
     */
    private boolean changed(ForLoop loop, List<Object> values) {
        List<Object> last = lastChanged.put(loop, values);
        return last == null || !PythonOperators.equal(last, values);
    }

    @Override
    protected Method findMethod(Object base, String name, Class<?>[] types, Object[] params, int paramCount) {
        if (types != null || params == null) {
            return super.findMethod(base, name, types, params, paramCount);
        }
        Class<?>[] argumentTypes = new Class<?>[params.length];
        for (int i = 0; i < params.length; i++) {
            argumentTypes[i] = params[i] == null ? Void.class : params[i].getClass();
        }
        Key key = new Key(base.getClass(), name, paramCount, Arrays.asList(argumentTypes));
        Optional<Method> known = methods.get(key);
        if (known == null) {
            known = Optional.ofNullable(super.findMethod(base, name, types, params, paramCount));
            methods.putIfAbsent(key, known);
        }
        return known.orElse(null);
    }
}
