package dev.markata.plugins.post_template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import jinjava.de.odysseus.el.util.SimpleContext;
import jinjava.javax.el.ELResolver;
import jinjava.javax.el.PropertyNotFoundException;
import org.junit.jupiter.api.Test;

/** The bean resolver's answers for properties a class does not have, remembered by class and name. */
class CachingBeanResolverTest {

    /** A bean with a title and no filter. */
    public static final class Bean {
        public String getTitle() {
            return "A title";
        }
    }

    /** A bean that has the property the other lacks. */
    public static final class WithFilter {
        public String getFilter() {
            return "its filter";
        }
    }

    @Test
    void aMissingPropertyIsNotFoundEveryTimeForItsClassOnly() {
        ELResolver resolver = CachingBeanResolver.readOnlyChain();

        for (int i = 0; i < 3; i++) {
            assertThat(catchThrowable(() -> resolver.getValue(new SimpleContext(), new Bean(), "filter")))
                    .isInstanceOf(PropertyNotFoundException.class);
        }
        SimpleContext context = new SimpleContext();
        assertThat(resolver.getValue(context, new WithFilter(), "filter")).isEqualTo("its filter");
        assertThat(context.isPropertyResolved()).isTrue();
        SimpleContext title = new SimpleContext();
        assertThat(resolver.getValue(title, new Bean(), "title")).isEqualTo("A title");
        assertThat(title.isPropertyResolved()).isTrue();
        assertThat(catchThrowable(() -> resolver.getValue(new SimpleContext(), "text", "filter")))
                .isInstanceOf(PropertyNotFoundException.class);
    }
}
