/**
 * Who may call the archive from outside: API keys today (later users, devices and services).
 * {@link org.custos.archive.principals.ApiKeys} creates, checks, lists and revokes keys; the
 * index keeps only a keyed hash of each secret ({@link org.custos.archive.index.ApiKeyRow}).
 * Deciding what a caller may do is the server's access policy, not this package.
 */
package org.custos.archive.principals;
