/* What a page fault costs on this machine: the unit in which the
 * heuristic prices workers, which the fork makes share the parent's memory
 * until they write to it, one page fault per page. */
#ifndef FT_HEURISTIC_PAGE_FAULT_COST_H
#define FT_HEURISTIC_PAGE_FAULT_COST_H

/* Seconds one page fault takes, measured now on fresh pages (the cheapest
 * of two rounds of 32: under 1 ms even where faults are slow): from
 * ~0.2 us on bare metal to ~10 us in some virtual machines. */
double heur_page_fault_seconds(void);

#endif
