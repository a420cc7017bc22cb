// The deck's line pictograms (IBM's Carbon set, Apache-2.0, bundled offline), as Vue
// components that draw inline SVG. UnoCSS's `i-carbon-*` classes draw them as CSS masks,
// which Chromium's PDF output edges with a faint hairline on every icon; inline SVG prints
// clean. The interface's own controls (presenter view) may keep the classes.
import type { Component } from 'vue'
import type { LineIconName } from '../data/line-icon-names'
import Add from '~icons/carbon/add'
import ArrowRight from '~icons/carbon/arrow-right'
import Assembly from '~icons/carbon/assembly'
import Bot from '~icons/carbon/bot'
import Bullhorn from '~icons/carbon/bullhorn'
import Chat from '~icons/carbon/chat'
import Code from '~icons/carbon/code'
import Crop from '~icons/carbon/crop'
import Image from '~icons/carbon/image'
import Music from '~icons/carbon/music'
import Partnership from '~icons/carbon/partnership'
import Pen from '~icons/carbon/pen'
import Search from '~icons/carbon/search'
import User from '~icons/carbon/user'
import UserAvatar from '~icons/carbon/user-avatar'
import UserFavorite from '~icons/carbon/user-favorite'
import Video from '~icons/carbon/video'

export const lineIcons = {
  'add': Add,
  'arrow-right': ArrowRight,
  'assembly': Assembly,
  'bot': Bot,
  'bullhorn': Bullhorn,
  'chat': Chat,
  'code': Code,
  'crop': Crop,
  'image': Image,
  'music': Music,
  'partnership': Partnership,
  'pen': Pen,
  'search': Search,
  'user': User,
  'user-avatar': UserAvatar,
  'user-favorite': UserFavorite,
  'video': Video,
} satisfies Record<LineIconName, Component>
