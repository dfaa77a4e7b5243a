package uk.org.lxp.api.paging;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * The method reads the database in one snapshot, in a read-only transaction of its own. A list operation needs it:
 * it reads a page and counts the whole list in two statements, and under PostgreSQL's default isolation each
 * statement sees the data as it is when it starts, so a row written between them could be counted but not listed
 * (a page of none with a total of one). Every operation that answers a {@link Page} carries it (the gateway's
 * RouteContractTest checks).
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface OneSnapshot {
}
