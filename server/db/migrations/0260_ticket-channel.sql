-- Up Migration
-- Chat with the agency (issue 17 item 6, dashboard §7B): a chat is a tickets row with channel 'chat'
-- (docs/architecture.md §4.2; rules in shared/collections/tickets.ts, shared/domain/portal/chat.ts). Every
-- existing row is a ticket. The staff chat inbox lists a customer's chats by channel.
ALTER TABLE tickets ADD COLUMN channel text NOT NULL DEFAULT 'ticket' CHECK (channel IN ('ticket', 'chat'));
CREATE INDEX tickets_chat_idx ON tickets (organization_id, customer_id) WHERE channel = 'chat';

-- Down Migration
DROP INDEX tickets_chat_idx;
ALTER TABLE tickets DROP COLUMN channel;
