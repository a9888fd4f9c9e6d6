/** Variants per page of the list; "Show more" asks for this many more (views.variants `limit`). */
export const VARIANT_PAGE = 50;
