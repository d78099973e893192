/**
 * Before any container starts: for every pin, which files the index has, what pip would install on
 * each target offline (a wheel, an sdist to build, or nothing), whether the pinned hashes allow it,
 * and whether Hermeto's download would contain it.
 */
package io.pyhermetic.audit;
