/**
 * Chat robots (F11): a team's DingTalk, WeCom or Feishu/Lark group robot, told what happens in the
 * team (new leads, SLA warnings and breaches, pool recovery warnings, deals won) in the team's
 * language, with @-mentions; delivered through the notify module's queue and logged per robot.
 */
package dev.fairlead.chat;
