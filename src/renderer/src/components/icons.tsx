const base = { width: 16, height: 16, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round' } as const

export const SearchIcon = () => (
  <svg {...base} aria-hidden="true"><circle cx="11" cy="11" r="7" /><path d="m20 20-3.5-3.5" /></svg>
)
export const PlusIcon = () => (
  <svg {...base} aria-hidden="true"><path d="M12 5v14M5 12h14" /></svg>
)
export const LibraryIcon = () => (
  <svg {...base} aria-hidden="true"><path d="M4 4h5v16H4zM10 4h4v16h-4zM15.5 4.5l4 .8-3 15-4-.8z" /></svg>
)
export const TagIcon = () => (
  <svg {...base} aria-hidden="true"><path d="M3 12V4h8l10 10-8 8z" /><circle cx="7.5" cy="8.5" r="1.2" /></svg>
)
export const CloseIcon = () => (
  <svg {...base} aria-hidden="true"><path d="M6 6l12 12M18 6 6 18" /></svg>
)
export const ArrowLeftIcon = () => (
  <svg {...base} aria-hidden="true"><path d="M19 12H5M11 18l-6-6 6-6" /></svg>
)
export const LinkIcon = () => (
  <svg {...base} width={13} height={13} aria-hidden="true"><path d="M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5" /></svg>
)
export const QuoteIcon = () => (
  <svg {...base} width={13} height={13} aria-hidden="true"><path d="M7 7h4v4c0 3-2 5-4 6M14 7h4v4c0 3-2 5-4 6" /></svg>
)
export const PeopleIcon = () => (
  <svg {...base} aria-hidden="true"><circle cx="9" cy="8" r="3.2" /><path d="M3 20c.6-3.6 3-5.5 6-5.5s5.4 1.9 6 5.5" /><circle cx="17" cy="9" r="2.4" /><path d="M16.5 14.6c2.4.2 4 1.8 4.5 4.6" /></svg>
)
export const ChangesIcon = () => (
  <svg {...base} aria-hidden="true"><path d="M3 12a9 9 0 1 0 3-6.7" /><path d="M3 4v5h5" /><path d="M12 7.5V12l3 2" /></svg>
)
export const EditIcon = () => (
  <svg {...base} width={13} height={13} aria-hidden="true"><path d="M4 20h4L19 9l-4-4L4 16z" /><path d="m13.5 6.5 4 4" /></svg>
)
export const ImageOffIcon = () => (
  <svg {...base} width={20} height={20} aria-hidden="true"><rect x="3" y="5" width="18" height="14" rx="2" /><path d="m3 16 5-5 4 4 3-3 6 6" /><path d="M3 3l18 18" /></svg>
)
export const InboxIcon = () => (
  <svg {...base} aria-hidden="true"><path d="M3 13h5l1.5 3h5L16 13h5" /><path d="M5.5 5h13L21 13v6H3v-6z" /></svg>
)
export const ArchiveIcon = () => (
  <svg {...base} aria-hidden="true"><rect x="3" y="4" width="18" height="4" rx="1" /><path d="M5 8v11h14V8M10 12h4" /></svg>
)
export const StarIcon = ({ filled = false }: { filled?: boolean }) => (
  <svg {...base} fill={filled ? 'currentColor' : 'none'} aria-hidden="true"><path d="m12 3.5 2.6 5.4 5.9.8-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.8z" /></svg>
)
export const TrashIcon = () => (
  <svg {...base} aria-hidden="true"><path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6" /></svg>
)
export const AllIcon = () => (
  <svg {...base} aria-hidden="true"><path d="M4 6h16M4 12h16M4 18h16" /></svg>
)
export const HighlighterIcon = () => (
  <svg {...base} aria-hidden="true"><path d="m15 4 5 5-8.5 8.5H7V13z" /><path d="M4 20h8" /></svg>
)
export const GearIcon = () => (
  <svg {...base} aria-hidden="true"><circle cx="12" cy="12" r="3" /><path d="M12 2.8v2.4M12 18.8v2.4M4.2 7.5l2 1.2M17.8 15.3l2 1.2M4.2 16.5l2-1.2M17.8 8.7l2-1.2" /><circle cx="12" cy="12" r="7" /></svg>
)
export const KeyboardIcon = () => (
  <svg {...base} aria-hidden="true"><rect x="2.5" y="6" width="19" height="12" rx="2" /><path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M8 14h8" /></svg>
)
export const SidebarIcon = () => (
  <svg {...base} aria-hidden="true"><rect x="3" y="4" width="18" height="16" rx="2" /><path d="M9 4v16" /></svg>
)
export const PanelIcon = () => (
  <svg {...base} aria-hidden="true"><rect x="3" y="4" width="18" height="16" rx="2" /><path d="M15 4v16" /></svg>
)
export const ChevronUpIcon = () => (
  <svg {...base} aria-hidden="true"><path d="m6 15 6-6 6 6" /></svg>
)
export const ChevronDownIcon = () => (
  <svg {...base} aria-hidden="true"><path d="m6 9 6 6 6-6" /></svg>
)
export const CheckIcon = () => (
  <svg {...base} aria-hidden="true"><path d="m5 12 5 5 9-10" /></svg>
)
