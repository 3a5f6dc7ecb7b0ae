export * from './notifiable-diseases';
