package io.vettify.crm.common.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Romanian fiscal code (CUI/CIF): 2 to 10 digits, optionally prefixed with {@code RO}, whose last digit is the
 * check digit over the weights 7,5,3,2,1,7,5,3,2. Null is valid (the field is optional).
 */
@Documented
@Constraint(validatedBy = Cui.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface Cui {

    String message() default "is not a valid Romanian fiscal code (CUI): check the digits";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Cui, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || FiscalCodes.normalize(value) != null;
        }
    }
}
