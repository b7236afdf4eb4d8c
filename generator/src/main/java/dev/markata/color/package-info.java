/**
 * Colours as markata's configuration names them: the CSS colour names several plugins read
 * (covers' {@code font_color}, the manifest's {@code theme_color}, {@code [markata.style]}).
 */
package dev.markata.color;
