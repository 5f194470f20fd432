package dev.attest.common.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The page a list route is asked for, bounded so that no page number or size reaches the database as an
 * overflowing offset: use it as {@code @Valid @BeanParam PageRequest paging}.
 */
public class PageRequest {
    /** The deepest page served: past it, a client should narrow its query rather than page on. */
    public static final int MAX_PAGE = 10_000;

    public static final int MAX_SIZE = 100;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(MAX_PAGE)
    @Parameter(description = "The page, from 0.")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(1)
    @Max(MAX_SIZE)
    @Parameter(description = "Items per page.")
    public int size;

    public PageRequest() {}

    public PageRequest(int page, int size) {
        this.page = page;
        this.size = size;
    }

    /** The number of items before this page; at most {@code MAX_PAGE * MAX_SIZE}, so it cannot overflow. */
    public int offset() {
        return page * size;
    }
}
