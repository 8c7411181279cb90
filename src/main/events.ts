import { EventEmitter } from 'node:events'
import type { EventMap } from '../shared/api'
import { eventNames, type EventName } from '../shared/methods'

/** Events main pushes to the UI; each host forwards them over its own transport. */
export class EventBus {
  private readonly emitter = new EventEmitter()

  constructor() {
    this.emitter.setMaxListeners(100)
  }

  emit<E extends EventName>(event: E, payload: EventMap[E]): void {
    this.emitter.emit(event, payload)
  }

  /** Listens to every event; returns the function that stops listening. */
  onAny(listener: <E extends EventName>(event: E, payload: EventMap[E]) => void): () => void {
    const offs = eventNames.map((name) => {
      const fn = (payload: EventMap[typeof name]) => listener(name, payload)
      this.emitter.on(name, fn)
      return () => this.emitter.off(name, fn)
    })
    return () => offs.forEach((off) => off())
  }

  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void {
    this.emitter.on(event, listener)
    return () => this.emitter.off(event, listener)
  }
}
