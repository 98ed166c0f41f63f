package org.xtaserver.osci.fetch;

/**
 * The result of one fetch round.
 *
 * @param fetched deliveries newly stored
 * @param waiting deliveries still waiting at the intermediary after the round (0 if unknown)
 */
public record FetchRound(int fetched, int waiting) {
}
