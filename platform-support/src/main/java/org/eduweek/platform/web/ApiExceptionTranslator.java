package org.eduweek.platform.web;

/**
 * Lets a service answer its own domain exceptions as problem bodies, so its domain code needs no HTTP types. A bean
 * of this type is asked by {@link ProblemDetailsHandler} before an exception it does not know becomes a 500.
 */
@FunctionalInterface
public interface ApiExceptionTranslator {

    /** @return the problem to answer, or null when the exception is not one this translator knows */
    ApiException translate(RuntimeException e);
}
