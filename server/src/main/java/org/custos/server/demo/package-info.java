/**
 * The demo: synthetic sample studies (made-up patients, generated images — never real data)
 * written with the Custos codec, so that {@code ./custos demo} works from a fresh clone.
 */
package org.custos.server.demo;
