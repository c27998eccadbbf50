/** The small shared kernel: who is asking (viewer and role), input problems, the clock, the database bootstrap. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.fairlead.common;
