// Fonts are bundled from npm so that the deck never asks a font CDN (offline venues).
import '@fontsource/inter/400.css'
import '@fontsource/inter/600.css'
import '@fontsource/inter/800.css'
import '@fontsource/source-serif-4/400.css'
import '@fontsource/source-serif-4/400-italic.css'
import 'virtual:atelier-palette.css'
import './deck.css'
