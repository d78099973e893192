/**
 * Implementation details of the index clients; not public API.
 *
 * <p>HTTP is a chain of small stages behind {@link io.pyhermetic.index.internal.HttpTransport}:
 * {@link io.pyhermetic.index.internal.SharedLookups} (simultaneous identical GETs share one
 * request), {@link io.pyhermetic.index.internal.CacheStage} over {@link
 * io.pyhermetic.index.internal.ResponseCache} (keyed by URL, {@code Accept}, a hash of the
 * credential and of a POST body), {@link io.pyhermetic.index.internal.Exchange} (one request across
 * tries and redirects, credentials per origin, the deadline, the timeline record), {@link
 * io.pyhermetic.index.internal.PriorityScheduler} (connection slots by priority), {@link
 * io.pyhermetic.index.internal.Sender} (sends one request through HttpClient) with {@link
 * io.pyhermetic.index.internal.BodyConsumers}, judged by {@link
 * io.pyhermetic.index.internal.RetryPolicy} (HttpClient's retry strategy interface, {@link
 * io.pyhermetic.index.internal.RetryAfter}), {@link io.pyhermetic.index.internal.RetryBudget} and
 * {@link io.pyhermetic.index.internal.RedirectPolicy} (HttpClient's redirect strategy). URL helpers
 * live in {@link io.pyhermetic.index.internal.HttpUrls} and {@link
 * io.pyhermetic.index.internal.Origin}, credentials in {@link
 * io.pyhermetic.index.internal.Credentials} and {@link io.pyhermetic.index.internal.Netrc}, failure
 * words in {@link io.pyhermetic.index.internal.HttpFailures}.
 */
package io.pyhermetic.index.internal;
