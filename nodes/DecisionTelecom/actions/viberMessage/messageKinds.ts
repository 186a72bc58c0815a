export type MessageKind = 'text' | 'textImageButton' | 'twoWayText' | 'twoWayTextImageButton';
export type Category = 'transactional' | 'promotional';

interface KindInfo {
	messageType: number;
	hasImageAndButton: boolean;
	defaultCategory: Category;
}

export const MESSAGE_KINDS: Record<MessageKind, KindInfo> = {
	text: { messageType: 106, hasImageAndButton: false, defaultCategory: 'transactional' },
	textImageButton: { messageType: 108, hasImageAndButton: true, defaultCategory: 'promotional' },
	twoWayText: { messageType: 206, hasImageAndButton: false, defaultCategory: 'promotional' },
	twoWayTextImageButton: {
		messageType: 208,
		hasImageAndButton: true,
		defaultCategory: 'promotional',
	},
};

export const SOURCE_TYPES: Record<Category, number> = { promotional: 1, transactional: 2 };

export function isMessageKind(value: unknown): value is MessageKind {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(MESSAGE_KINDS, value);
}
