package io.vettify.crm.testing;

import java.math.BigDecimal;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Compares JSON decimals (amounts) by value: {@code 0}, {@code 0.0} and {@code 0.00} are the same amount. */
public final class Decimals {

    private Decimals() {
    }

    public static Matcher<Object> amount(String expected) {
        BigDecimal value = new BigDecimal(expected);
        return new TypeSafeMatcher<>(Object.class) {
            @Override
            protected boolean matchesSafely(Object actual) {
                return actual instanceof Number number && new BigDecimal(number.toString()).compareTo(value) == 0;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("the amount ").appendValue(value);
            }
        };
    }
}
