import type { LineIconName } from './line-icon-names'
import type { SourceId } from './sources'
import { typeset } from './french.ts'

/** Functional families used to label the Top-50 (ours, not a16z's legend): an icon each, one highlight colour for all. */
const categoriesSource = {
  assistant: { label: 'Assistant et recherche', short: 'Assistant', icon: 'chat' },
  companion: { label: 'Compagnon et jeu de rôle', short: 'Compagnon', icon: 'user-favorite' },
  image: { label: 'Création d\'images', short: 'Image', icon: 'image' },
  editing: { label: 'Retouche d\'images', short: 'Retouche', icon: 'crop' },
  video: { label: 'Vidéo', short: 'Vidéo', icon: 'video' },
  audio: { label: 'Musique et voix', short: 'Audio', icon: 'music' },
  writing: { label: 'Écriture, études et productivité', short: 'Écrit', icon: 'pen' },
  builder: { label: 'Code et plateformes de modèles', short: 'Code', icon: 'code' },
} as const satisfies Record<string, ProductCategory>

export interface ProductCategory {
  label: string
  /** Read by screen readers on each tile (sighted readers get the icon and the legend). */
  short: string
  /** A Carbon line pictogram (data/line-icon-names.ts): each category has its own shape. */
  icon: LineIconName
}

export type CategoryId = keyof typeof categories

export interface Product {
  rank: number
  name: string
  domain: string
  category: CategoryId
  /** The product's function as described in the research notes. */
  detail: string
  /** True where the domain could not be confirmed. */
  uncertainDomain?: boolean
}

export const top50Source: SourceId = 'moore-2024'
/** What the ranking measures: the slide's title already says « Top 50 des produits web d'IA générative ». */
const top50RankingSource = 'Classement par visites mensuelles uniques'
const top50DateSource = 'août 2024'

export const top50: readonly Product[] = [
  { rank: 1, name: 'ChatGPT', domain: 'chatgpt.com', category: 'assistant', detail: 'assistant généraliste' },
  { rank: 2, name: 'Character.AI', domain: 'character.ai', category: 'companion', detail: 'compagnon' },
  { rank: 3, name: 'Perplexity', domain: 'perplexity.ai', category: 'assistant', detail: 'recherche par IA' },
  { rank: 4, name: 'Claude', domain: 'claude.ai', category: 'assistant', detail: 'assistant généraliste' },
  { rank: 5, name: 'Suno', domain: 'suno.com', category: 'audio', detail: 'génération de musique' },
  { rank: 6, name: 'Janitor AI', domain: 'janitorai.com', category: 'companion', detail: 'compagnon' },
  { rank: 7, name: 'QuillBot', domain: 'quillbot.com', category: 'writing', detail: 'réécriture de texte' },
  { rank: 8, name: 'Poe', domain: 'poe.com', category: 'assistant', detail: 'assistant multi-modèles' },
  { rank: 9, name: 'Liner', domain: 'getliner.com', category: 'assistant', detail: 'recherche documentaire', uncertainDomain: true },
  { rank: 10, name: 'Civitai', domain: 'civitai.com', category: 'builder', detail: 'bibliothèque de modèles d\'images' },
  { rank: 11, name: 'SpicyChat', domain: 'spicychat.ai', category: 'companion', detail: 'compagnon' },
  { rank: 12, name: 'ElevenLabs', domain: 'elevenlabs.io', category: 'audio', detail: 'synthèse vocale' },
  { rank: 13, name: 'Hugging Face', domain: 'huggingface.co', category: 'builder', detail: 'bibliothèque de modèles' },
  { rank: 14, name: 'Luma AI', domain: 'lumalabs.ai', category: 'video', detail: 'génération de vidéo' },
  { rank: 15, name: 'Candy.ai', domain: 'candy.ai', category: 'companion', detail: 'compagnon' },
  { rank: 16, name: 'CrushOn.AI', domain: 'crushon.ai', category: 'companion', detail: 'compagnon' },
  { rank: 17, name: 'Leonardo.Ai', domain: 'leonardo.ai', category: 'image', detail: 'génération d\'images' },
  { rank: 18, name: 'Midjourney', domain: 'midjourney.com', category: 'image', detail: 'génération d\'images' },
  { rank: 19, name: 'Yodayo', domain: 'yodayo.com', category: 'companion', detail: 'compagnon et illustration' },
  { rank: 20, name: 'Cutout.Pro', domain: 'cutout.pro', category: 'editing', detail: 'retouche d\'images' },
  { rank: 21, name: 'Viggle', domain: 'viggle.ai', category: 'video', detail: 'génération de vidéo' },
  { rank: 22, name: 'Photoroom', domain: 'photoroom.com', category: 'editing', detail: 'retouche d\'images' },
  { rank: 23, name: 'Gamma', domain: 'gamma.app', category: 'writing', detail: 'présentations' },
  { rank: 24, name: 'VEED.IO', domain: 'veed.io', category: 'video', detail: 'montage vidéo' },
  { rank: 25, name: 'Pixlr', domain: 'pixlr.com', category: 'editing', detail: 'retouche d\'images' },
  { rank: 26, name: 'Ideogram', domain: 'ideogram.ai', category: 'image', detail: 'génération d\'images' },
  { rank: 27, name: 'You.com', domain: 'you.com', category: 'assistant', detail: 'recherche par IA' },
  { rank: 28, name: 'DeepAI', domain: 'deepai.org', category: 'assistant', detail: 'boîte à outils généraliste' },
  { rank: 29, name: 'SeaArt AI', domain: 'seaart.ai', category: 'image', detail: 'génération d\'images' },
  { rank: 30, name: 'invideo AI', domain: 'invideo.io', category: 'video', detail: 'génération de vidéo' },
  { rank: 31, name: 'PixAI', domain: 'pixai.art', category: 'image', detail: 'génération d\'images' },
  { rank: 32, name: 'Clipchamp', domain: 'clipchamp.com', category: 'video', detail: 'montage vidéo (Microsoft)' },
  { rank: 33, name: 'Udio', domain: 'udio.com', category: 'audio', detail: 'génération de musique' },
  { rank: 34, name: 'Chatbot App', domain: 'chatbotapp.ai', category: 'assistant', detail: 'assistant généraliste', uncertainDomain: true },
  { rank: 35, name: 'Vocal Remover', domain: 'vocalremover.org', category: 'audio', detail: 'édition audio' },
  { rank: 36, name: 'PicWish', domain: 'picwish.com', category: 'editing', detail: 'retouche d\'images' },
  { rank: 37, name: 'Chub.ai', domain: 'chub.ai', category: 'companion', detail: 'compagnon' },
  { rank: 38, name: 'HIX.AI', domain: 'hix.ai', category: 'writing', detail: 'rédaction' },
  { rank: 39, name: 'Vidnoz', domain: 'vidnoz.com', category: 'video', detail: 'avatars vidéo' },
  { rank: 40, name: 'Pixelcut', domain: 'pixelcut.ai', category: 'editing', detail: 'retouche d\'images' },
  { rank: 41, name: 'MaxAI.me', domain: 'maxai.me', category: 'writing', detail: 'assistant de navigateur' },
  { rank: 42, name: 'BLACKBOX AI', domain: 'blackbox.ai', category: 'builder', detail: 'aide au code' },
  { rank: 43, name: 'ChatPDF', domain: 'chatpdf.com', category: 'writing', detail: 'lecture de documents' },
  { rank: 44, name: 'Gauth', domain: 'gauthmath.com', category: 'writing', detail: 'aide aux devoirs (ByteDance)', uncertainDomain: true },
  { rank: 45, name: 'Coze', domain: 'coze.com', category: 'builder', detail: 'création d\'agents (ByteDance)' },
  { rank: 46, name: 'Playground', domain: 'playground.com', category: 'image', detail: 'génération d\'images' },
  { rank: 47, name: 'Doubao', domain: 'doubao.com', category: 'assistant', detail: 'assistant généraliste (ByteDance)' },
  { rank: 48, name: 'Speechify', domain: 'speechify.com', category: 'audio', detail: 'lecture à voix haute' },
  { rank: 49, name: 'NightCafe', domain: 'nightcafe.studio', category: 'image', detail: 'génération d\'images' },
  { rank: 50, name: 'AI Novelist', domain: 'ai-novel.com', category: 'writing', detail: 'écriture de fiction', uncertainDomain: true },
]

// French typography on every text above (data/french.ts).
export const categories = typeset(categoriesSource)
export const top50Ranking = typeset(top50RankingSource)
export const top50Date = typeset(top50DateSource)
